#!/usr/bin/env python3
"""Tiny random-weight models of each architecture silica runs beyond BERT/XLM-R, wrapped as
sentence-transformers folders, with sentence-transformers' vectors for 50 multilingual texts.

    target/peers/venv/bin/python tests/data/models/make.py      # (torch, sentence-transformers)

Writes tests/data/models/<name>/ (the model folder) and <name>.reference.jsonl (one line per
text: the text, the prompt name or null, and the vector sentence-transformers gives, alone
and in batches of 16, checked to agree). Fixed seeds: the same files on every run with the
same library versions (pinned in benches/peers/run). tests/models.rs compares silica with
these vectors; it needs neither torch nor this script.
"""
import csv
import json
import os
import shutil
import sys

import torch
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer import modules as models
from tokenizers import Tokenizer, decoders, models as tok_models, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
EVAL = os.path.join(ROOT, "tests", "data", "eval")


def corpus_sentences():
    """The repository's evaluation slices (STS-B French, an English/French bitext, PIAF
    paragraphs): the tokenizer's training text and the pool the test texts come from."""
    def lines(name):
        with open(os.path.join(EVAL, name), encoding="utf-8") as f:
            return [l.strip() for l in f if l.strip()]

    short = lines("bitext-en.txt") + lines("bitext-fr.txt")
    with open(os.path.join(EVAL, "stsb-fr-dev-slice.csv"), newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            short.extend(row[:2])
    paragraphs = [json.loads(l)["text"] for l in lines("piaf-clustering-slice.jsonl")]
    return short, paragraphs


OTHER_SCRIPTS = [
    "供应链的韧性取决于关键原材料的多元化来源。",
    "半導体の輸出規制が各国の産業政策を変えつつある。",
    "Цепочки поставок перестраиваются из-за санкций и тарифов.",
    "تعتمد السيادة التكنولوجية على القدرة المحلية في تصنيع الرقائق.",
    "인공지능 협력 협정이 두 나라 사이에 체결되었다.",
    "Η ευρωπαϊκή βιομηχανία αναζητά νέους προμηθευτές λιθίου.",
]


def texts(short, paragraphs):
    """50 texts of mixed length and script: short sentences in English and French,
    paragraphs past the context, sentences in scripts the tokenizer barely knows (byte
    fallback), and mixes of both."""
    picked = short[0:60:6] + short[63:120:6] + short[120:280:16]
    mixed = [OTHER_SCRIPTS[i] + " " + short[i * 7 + 1] for i in range(len(OTHER_SCRIPTS))]
    out = picked + paragraphs[:8] + OTHER_SCRIPTS + mixed
    assert len(out) == 50, len(out)
    return out


def train_byte_level_bpe(sentences, vocab_size, specials):
    """A GPT-2 style byte-level BPE, as Qwen's tokenizers are, trained on `sentences`."""
    tok = Tokenizer(tok_models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(sentences, trainer)
    return tok


def randomize(model, seed, std):
    """Weights large enough that every part of the layer moves the output (the default
    0.02 leaves attention almost uniform); norm weights around 1, each different."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in sorted(model.named_parameters()):
            if "norm" in name:
                p.copy_(1.0 + 0.2 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(std * torch.randn(p.shape, generator=g))


def reference(st, all_texts, prompts_of):
    """sentence-transformers' vectors, one text at a time and in batches of 16, which
    must agree; returns the one-at-a-time vectors."""
    lines = []
    for prompt in sorted(set(prompts_of), key=str):
        idx = [i for i, p in enumerate(prompts_of) if p == prompt]
        chunk = [all_texts[i] for i in idx]
        alone = [st.encode([t], prompt_name=prompt, convert_to_tensor=True)[0] for t in chunk]
        batched = st.encode(chunk, prompt_name=prompt, batch_size=16, convert_to_tensor=True)
        for i, a, b in zip(idx, alone, batched):
            c = torch.nn.functional.cosine_similarity(a, b, dim=0).item()
            assert c > 0.99999, (all_texts[i], c)
            lines.append((i, {"text": all_texts[i], "prompt": prompt, "vector": [round(float(x), 7) for x in a]}))
    return [line for _, line in sorted(lines, key=lambda l: l[0])]


def make_qwen3(sentences, all_texts):
    from transformers import Qwen3Config, Qwen3Model

    name = "tiny-qwen3"
    out = os.path.join(HERE, name)
    shutil.rmtree(out, ignore_errors=True)
    work = out + ".transformer"
    shutil.rmtree(work, ignore_errors=True)

    eos = "<|endoftext|>"
    tok = train_byte_level_bpe(sentences, 1000, [eos, "<|im_start|>", "<|im_end|>"])
    # Qwen3-Embedding's tokenizer appends <|endoftext|>, the token whose vector is pooled.
    tok.post_processor = processors.TemplateProcessing(single=f"$A {eos}", special_tokens=[(eos, tok.token_to_id(eos))])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=eos, pad_token=eos, padding_side="left")

    torch.manual_seed(0)
    config = Qwen3Config(
        vocab_size=tok.get_vocab_size(),
        hidden_size=64,
        intermediate_size=96,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=24,
        max_position_embeddings=256,
        rope_theta=10000.0,
        rms_norm_eps=1e-6,
        tie_word_embeddings=True,
        pad_token_id=tok.token_to_id(eos),
        eos_token_id=tok.token_to_id(eos),
    )
    model = Qwen3Model(config)
    randomize(model, seed=1, std=0.15)
    model.save_pretrained(work, safe_serialization=True)
    fast.save_pretrained(work)

    transformer = models.Transformer(work, max_seq_length=48)
    pooling = models.Pooling(config.hidden_size, pooling_mode="lasttoken", include_prompt=True)
    st = SentenceTransformer(
        modules=[transformer, pooling, models.Normalize()],
        prompts={"query": "Instruct: Given a question, retrieve passages that answer it\nQuery:", "document": ""},
        default_prompt_name=None,
        device="cpu",
    )
    st.save(out)
    shutil.rmtree(work)
    os.remove(os.path.join(out, "README.md"))  # a generated model card, dated
    check_tokens(out, all_texts)

    st = SentenceTransformer(out, device="cpu")
    prompts_of = [("query" if i % 5 == 0 else None) for i in range(len(all_texts))]
    write_reference(name, reference(st, all_texts, prompts_of))


def make_gemma3(sentences, all_texts):
    """EmbeddingGemma's layout: a Gemma3 text model read bidirectionally (local layers see
    a window on both sides), mean pooling, two Dense projections, then Normalize."""
    from transformers import Gemma3TextConfig, Gemma3TextModel

    name = "tiny-gemma3"
    out = os.path.join(HERE, name)
    shutil.rmtree(out, ignore_errors=True)
    work = out + ".transformer"
    shutil.rmtree(work, ignore_errors=True)

    specials = ["<pad>", "<eos>", "<bos>", "<unk>"]
    tok = train_byte_level_bpe(sentences, 1000, specials)
    tok.post_processor = processors.TemplateProcessing(
        single="<bos> $A <eos>",
        special_tokens=[(t, tok.token_to_id(t)) for t in ["<bos>", "<eos>"]],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<bos>", eos_token="<eos>", pad_token="<pad>", unk_token="<unk>",
        padding_side="right",
    )

    torch.manual_seed(0)
    config = Gemma3TextConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=64,
        intermediate_size=96,
        num_hidden_layers=3,
        num_attention_heads=4,
        num_key_value_heads=1,
        head_dim=16,
        query_pre_attn_scalar=16,
        sliding_window=8,
        layer_types=["sliding_attention", "sliding_attention", "full_attention"],
        use_bidirectional_attention=True,
        max_position_embeddings=256,
        rope_parameters={
            "full_attention": {"rope_type": "default", "rope_theta": 1000000.0},
            "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0},
        },
        rms_norm_eps=1e-6,
        hidden_activation="gelu_pytorch_tanh",
        pad_token_id=tok.token_to_id("<pad>"),
        bos_token_id=tok.token_to_id("<bos>"),
        eos_token_id=tok.token_to_id("<eos>"),
    )
    model = Gemma3TextModel(config)
    randomize(model, seed=2, std=0.15)
    with torch.no_grad():
        for n, p in model.named_parameters():
            if "norm" in n:  # Gemma's norms multiply by 1 + weight: centre them on 0
                p.sub_(1.0)
    model.save_pretrained(work, safe_serialization=True)
    fast.save_pretrained(work)

    transformer = models.Transformer(work, max_seq_length=40)
    pooling = models.Pooling(config.hidden_size, pooling_mode="mean")
    g = torch.Generator().manual_seed(3)
    up = models.Dense(64, 128, bias=False, activation_function=torch.nn.Identity())
    down = models.Dense(128, 64, bias=False, activation_function=torch.nn.Identity())
    with torch.no_grad():
        for dense in (up, down):
            dense.linear.weight.copy_(0.2 * torch.randn(dense.linear.weight.shape, generator=g))
    st = SentenceTransformer(
        modules=[transformer, pooling, up, down, models.Normalize()],
        prompts={"query": "task: search result | query: ", "document": "title: none | text: ",
                 "Clustering": "task: clustering | query: "},
        default_prompt_name=None,
        device="cpu",
    )
    st.save(out)
    shutil.rmtree(work)
    os.remove(os.path.join(out, "README.md"))
    check_tokens(out, all_texts)

    st = SentenceTransformer(out, device="cpu")
    prompts_of = [("query" if i % 5 == 0 else "document" if i % 5 == 1 else "Clustering" if i % 5 == 2 else None)
                  for i in range(len(all_texts))]
    write_reference(name, reference(st, all_texts, prompts_of))


def make_modernbert(sentences, all_texts):
    """gte-modernbert's and modernbert-embed's layout: a ModernBERT encoder (rotary
    positions, global layers every third, local layers a window on both sides, GeGLU),
    mean pooling, then Normalize, with modernbert-embed's search prompts."""
    from transformers import ModernBertConfig, ModernBertModel

    name = "tiny-modernbert"
    out = os.path.join(HERE, name)
    shutil.rmtree(out, ignore_errors=True)
    work = out + ".transformer"
    shutil.rmtree(work, ignore_errors=True)

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = train_byte_level_bpe(sentences, 1000, specials)
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        special_tokens=[(t, tok.token_to_id(t)) for t in ["[CLS]", "[SEP]"]],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, cls_token="[CLS]", sep_token="[SEP]", pad_token="[PAD]", unk_token="[UNK]",
        mask_token="[MASK]", padding_side="right",
    )

    torch.manual_seed(0)
    config = ModernBertConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=64,
        intermediate_size=96,
        num_hidden_layers=4,
        num_attention_heads=4,
        global_attn_every_n_layers=3,
        local_attention=8,
        global_rope_theta=160000.0,
        local_rope_theta=10000.0,
        max_position_embeddings=256,
        norm_eps=1e-5,
        hidden_activation="gelu",
        pad_token_id=tok.token_to_id("[PAD]"),
        cls_token_id=tok.token_to_id("[CLS]"),
        sep_token_id=tok.token_to_id("[SEP]"),
        bos_token_id=tok.token_to_id("[CLS]"),
        eos_token_id=tok.token_to_id("[SEP]"),
    )
    model = ModernBertModel(config)
    randomize(model, seed=4, std=0.15)
    model.save_pretrained(work, safe_serialization=True)
    fast.save_pretrained(work)

    transformer = models.Transformer(work, max_seq_length=48)
    pooling = models.Pooling(config.hidden_size, pooling_mode="mean")
    st = SentenceTransformer(
        modules=[transformer, pooling, models.Normalize()],
        prompts={"query": "search_query: ", "document": "search_document: "},
        default_prompt_name=None,
        device="cpu",
    )
    st.save(out)
    shutil.rmtree(work)
    os.remove(os.path.join(out, "README.md"))
    check_tokens(out, all_texts)

    st = SentenceTransformer(out, device="cpu")
    prompts_of = [("query" if i % 5 == 0 else "document" if i % 5 == 1 else None) for i in range(len(all_texts))]
    write_reference(name, reference(st, all_texts, prompts_of))


def make_nomic_bert(sentences, all_texts):
    """nomic-embed-text v1.5's layout, written by hand: its PyTorch code is remote code on
    the hub (unreachable here), so no sentence-transformers vectors are written;
    tests/models.rs checks silica against candle-transformers' nomic_bert on these weights.
    A BERT WordPiece tokenizer (lower-cased), mean pooling, Normalize, the search prompts."""
    from safetensors.torch import save_file
    from tokenizers import normalizers

    name = "tiny-nomic-bert"
    out = os.path.join(HERE, name)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "1_Pooling"))
    os.makedirs(os.path.join(out, "2_Normalize"))

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(tok_models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(sentences, trainers.WordPieceTrainer(vocab_size=1000, special_tokens=specials,
                                                                 show_progress=False))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[(t, tok.token_to_id(t)) for t in ["[CLS]", "[SEP]"]],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, cls_token="[CLS]", sep_token="[SEP]", pad_token="[PAD]", unk_token="[UNK]",
        mask_token="[MASK]", padding_side="right", model_max_length=48,
    )
    fast.save_pretrained(out)

    hidden, inner, layers, heads, vocab = 64, 96, 3, 4, tok.get_vocab_size()
    config = {
        "architectures": ["NomicBertModel"], "model_type": "nomic_bert",
        "vocab_size": vocab, "n_embd": hidden, "n_head": heads, "n_layer": layers, "n_inner": inner,
        "n_positions": 256, "type_vocab_size": 2, "layer_norm_epsilon": 1e-12,
        "rotary_emb_base": 1000, "rotary_emb_fraction": 1.0, "rotary_emb_interleaved": False,
        "rotary_scaling_factor": None, "qkv_proj_bias": False, "mlp_fc1_bias": False, "mlp_fc2_bias": False,
        "activation_function": "swiglu", "prenorm": False, "pad_token_id": tok.token_to_id("[PAD]"),
    }
    g = torch.Generator().manual_seed(5)
    rand = lambda *shape, std=0.15: (std * torch.randn(shape, generator=g)).contiguous()
    norm = lambda: {"weight": 1.0 + 0.2 * torch.randn(hidden, generator=g), "bias": 0.1 * torch.randn(hidden, generator=g)}
    tensors = {"embeddings.word_embeddings.weight": rand(vocab, hidden, std=1.0),
               "embeddings.token_type_embeddings.weight": rand(2, hidden, std=1.0)}
    for k, v in norm().items():
        tensors[f"emb_ln.{k}"] = v
    for i in range(layers):
        p = f"encoder.layers.{i}."
        tensors[p + "attn.Wqkv.weight"] = rand(3 * hidden, hidden)
        tensors[p + "attn.out_proj.weight"] = rand(hidden, hidden)
        tensors[p + "mlp.fc11.weight"] = rand(inner, hidden)
        tensors[p + "mlp.fc12.weight"] = rand(inner, hidden)
        tensors[p + "mlp.fc2.weight"] = rand(hidden, inner)
        for n in ("norm1", "norm2"):
            for k, v in norm().items():
                tensors[f"{p}{n}.{k}"] = v
    save_file({k: v.float().contiguous() for k, v in tensors.items()}, os.path.join(out, "model.safetensors"),
              metadata={"format": "pt"})

    def write(rel, value):
        with open(os.path.join(out, rel), "w", encoding="utf-8") as f:
            json.dump(value, f, indent=2)
            f.write("\n")

    write("config.json", config)
    write("modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    write("1_Pooling/config.json", {"word_embedding_dimension": hidden, "pooling_mode_mean_tokens": True})
    write("2_Normalize/config.json", {})
    write("sentence_bert_config.json", {"max_seq_length": 48, "do_lower_case": False})
    write("config_sentence_transformers.json", {
        "prompts": {"query": "search_query: ", "document": "search_document: "},
        "default_prompt_name": None, "similarity_fn_name": "cosine",
    })


def check_tokens(folder, all_texts):
    """What sentence-transformers feeds the model is what the tokenizer file says (the
    end-of-text token included), so silica reading tokenizer.json sees the same ids."""
    st = SentenceTransformer(folder, device="cpu")
    raw = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    for t in all_texts[:5]:
        ids = st.tokenize([t])["input_ids"][0].tolist()
        expected = raw.encode(t).ids[: st.max_seq_length]
        assert ids == expected or len(ids) == st.max_seq_length, (t, ids, expected)


def write_reference(name, lines):
    with open(os.path.join(HERE, f"{name}.reference.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def main():
    torch.set_num_threads(1)
    short, paragraphs = corpus_sentences()
    sentences = short + paragraphs
    all_texts = texts(short, paragraphs)
    makers = {"qwen3": make_qwen3, "gemma3": make_gemma3, "modernbert": make_modernbert,
              "nomic_bert": make_nomic_bert}
    for arch in sys.argv[1:] or list(makers):
        makers[arch](sentences, all_texts)


if __name__ == "__main__":
    main()
