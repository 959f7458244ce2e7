#!/usr/bin/env python3
"""Random-weight models at the real shapes of Qwen3-Embedding-0.6B, EmbeddingGemma-300m and
ModernBERT-base, as sentence-transformers folders, for speed and memory (not quality): the
real checkpoints are not reachable from this machine.

    target/peers/venv/bin/python benches/models/make_shapes.py OUT_DIR [qwen3 gemma3 modernbert]

Each folder has the real model's config (layers, widths, heads, vocabulary size, windows)
and sentence-transformers modules (pooling, EmbeddingGemma's two Dense layers, Normalize),
with transformers' default initialisation and the small tokenizer of the matching tiny
fixture in tests/data/models/ (its ids are within the real vocabulary; texts come out
somewhat longer in tokens than with the real tokenizer, the same for every engine).
"""
import os
import shutil
import sys

import torch
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer import modules as models
from transformers import AutoTokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "..", "tests", "data", "models")
MAX_SEQ = 512


def qwen3():
    from transformers import Qwen3Config, Qwen3Model

    config = Qwen3Config(
        vocab_size=151669, hidden_size=1024, intermediate_size=3072, num_hidden_layers=28,
        num_attention_heads=16, num_key_value_heads=8, head_dim=128, max_position_embeddings=32768,
        rope_theta=1000000.0, rms_norm_eps=1e-6, tie_word_embeddings=True,
    )
    return Qwen3Model(config), "tiny-qwen3", "lasttoken", []


def gemma3():
    from transformers import Gemma3TextConfig, Gemma3TextModel

    layers = 24
    config = Gemma3TextConfig(
        vocab_size=262144, hidden_size=768, intermediate_size=1152, num_hidden_layers=layers,
        num_attention_heads=3, num_key_value_heads=1, head_dim=256, query_pre_attn_scalar=256,
        sliding_window=512, use_bidirectional_attention=True, max_position_embeddings=2048,
        layer_types=["full_attention" if (i + 1) % 6 == 0 else "sliding_attention" for i in range(layers)],
        rope_parameters={
            "full_attention": {"rope_type": "default", "rope_theta": 1000000.0},
            "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0},
        },
        hidden_activation="gelu_pytorch_tanh",
    )
    dense = [
        models.Dense(768, 3072, bias=False, activation_function=torch.nn.Identity()),
        models.Dense(3072, 768, bias=False, activation_function=torch.nn.Identity()),
    ]
    return Gemma3TextModel(config), "tiny-gemma3", "mean", dense


def modernbert():
    from transformers import ModernBertConfig, ModernBertModel

    config = ModernBertConfig(
        vocab_size=50368, hidden_size=768, intermediate_size=1152, num_hidden_layers=22,
        num_attention_heads=12, global_attn_every_n_layers=3, local_attention=128,
        global_rope_theta=160000.0, local_rope_theta=10000.0, max_position_embeddings=8192,
    )
    return ModernBertModel(config), "tiny-modernbert", "mean", []


def make(name, out_dir):
    torch.manual_seed(0)
    model, tokenizer_of, pooling, dense = {"qwen3": qwen3, "gemma3": gemma3, "modernbert": modernbert}[name]()
    out = os.path.join(out_dir, f"{name}-shape")
    work = out + ".transformer"
    for d in (out, work):
        shutil.rmtree(d, ignore_errors=True)
    model.save_pretrained(work, safe_serialization=True, max_shard_size="100GB")
    AutoTokenizer.from_pretrained(os.path.join(FIXTURES, tokenizer_of)).save_pretrained(work)
    transformer = models.Transformer(work, max_seq_length=MAX_SEQ)
    hidden = model.config.hidden_size
    modules = [transformer, models.Pooling(hidden, pooling_mode=pooling), *dense, models.Normalize()]
    SentenceTransformer(modules=modules, device="cpu").save(out)
    shutil.rmtree(work)
    params = sum(p.numel() for p in model.parameters())
    print(f"{out}: {params / 1e6:.0f}M parameters, {params * 4 / 2**20:.0f} MiB in f32")


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name in sys.argv[2:] or ["qwen3", "gemma3", "modernbert"]:
        make(name, out_dir)


if __name__ == "__main__":
    main()
