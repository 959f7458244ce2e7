#!/usr/bin/env python3
"""Tiny random-weight cross-encoders (rerankers) of the two architectures silica reads them
in, saved as sentence-transformers CrossEncoder folders, with CrossEncoder.predict's scores
for 40 (query, passage) pairs.

    target/peers/venv/bin/python tests/data/models/make_rerankers.py   # (torch, sentence-transformers)

tiny-bert-reranker: BertForSequenceClassification (pooler + classifier), a WordPiece
vocabulary, type ids 0/1. tiny-xlmr-reranker: XLMRobertaForSequenceClassification (dense,
tanh, out_proj on <s>), a unigram vocabulary with XLM-R's pair template. One label each, so
CrossEncoder applies a sigmoid. Writes <name>/ and <name>.reference.jsonl (query, passage,
score, computed one pair at a time and in batches of 8, checked to agree). tests/rerank.rs
compares silica with these scores; it needs neither torch nor this script.
"""
import json
import os

import torch
from sentence_transformers import CrossEncoder
from tokenizers import Tokenizer, decoders, models as tok_models, normalizers, pre_tokenizers, processors, trainers
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    PreTrainedTokenizerFast,
    XLMRobertaConfig,
    XLMRobertaForSequenceClassification,
)

from make import EVAL, corpus_sentences, randomize

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LENGTH = 48


def pairs(short, paragraphs):
    """Questions of the PIAF slice with paragraphs (their own and others), short sentences
    against each other, and pairs long enough to be cut longest-first."""
    with open(os.path.join(EVAL, "piaf-slice.json"), encoding="utf-8") as f:
        squad = json.load(f)
    questions = []
    for article in squad["data"]:
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                questions.append((qa["question"], paragraph["context"]))
    out = []
    for i, (q, context) in enumerate(questions[:12]):
        out.append((q, context[:300]))
        out.append((q, questions[(i + 5) % len(questions)][1][:300]))
    for i in range(10):
        out.append((short[i * 3], short[i * 3 + 1]))
    for i in range(6):
        out.append((paragraphs[i], paragraphs[i + 1]))
    assert len(out) == 40, len(out)
    return out


def reference(model, name, all_pairs):
    alone = [float(model.predict([p])[0]) for p in all_pairs]
    batched = [float(s) for s in model.predict(all_pairs, batch_size=8)]
    for a, b in zip(alone, batched):
        assert abs(a - b) < 1e-5, (a, b)
    with open(os.path.join(HERE, f"{name}.reference.jsonl"), "w", encoding="utf-8") as f:
        for (q, p), s in zip(all_pairs, alone):
            f.write(json.dumps({"query": q, "passage": p, "score": s}, ensure_ascii=False) + "\n")


def make_bert(sentences, all_pairs):
    tok = Tokenizer(tok_models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(sentences, trainers.WordPieceTrainer(vocab_size=600, special_tokens=specials, show_progress=False))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]", model_max_length=MAX_LENGTH,
        # As BertTokenizerFast: the pair's type ids reach the model.
        model_input_names=["input_ids", "token_type_ids", "attention_mask"],
    )
    config = BertConfig(
        vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=64, max_position_embeddings=64, num_labels=1, hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config).eval()
    randomize(model, 11, 0.3)
    return save(model, fast, "tiny-bert-reranker", all_pairs)


def make_xlmr(sentences, all_pairs):
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tok = Tokenizer(tok_models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    tok.train_from_iterator(
        sentences, trainers.UnigramTrainer(vocab_size=700, special_tokens=specials, unk_token="<unk>", show_progress=False)
    )
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")), ("<s>", tok.token_to_id("<s>")))
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>", pad_token="<pad>",
        cls_token="<s>", sep_token="</s>", mask_token="<mask>", model_max_length=MAX_LENGTH,
    )
    config = XLMRobertaConfig(
        vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=64, max_position_embeddings=MAX_LENGTH + 2 + 16, num_labels=1, type_vocab_size=1,
        pad_token_id=tok.token_to_id("<pad>"), bos_token_id=tok.token_to_id("<s>"), eos_token_id=tok.token_to_id("</s>"),
        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
    )
    torch.manual_seed(0)
    model = XLMRobertaForSequenceClassification(config).eval()
    randomize(model, 12, 0.3)
    return save(model, fast, "tiny-xlmr-reranker", all_pairs)


def save(model, fast, name, all_pairs):
    work = os.path.join("/tmp", name + "-hf")
    model.save_pretrained(work, safe_serialization=True)
    fast.save_pretrained(work)
    cross = CrossEncoder(work, max_length=MAX_LENGTH, device="cpu")
    out = os.path.join(HERE, name)
    cross.save(out)
    reference(CrossEncoder(out, device="cpu"), name, all_pairs)
    print("wrote", out)


if __name__ == "__main__":
    short, paragraphs = corpus_sentences()
    sentences = short + paragraphs
    all_pairs = pairs(short, paragraphs)
    make_bert(sentences, all_pairs)
    make_xlmr(sentences, all_pairs)
