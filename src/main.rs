// mimalloc keeps freed pages for reuse, so the fresh tensor buffers of every batch do
// not pay for zeroed pages from the kernel (+18% throughput when adopted; remeasured
// against glibc's malloc on 2026-11-22, `silica bench` e5 on 2 cores: int8 +11-17%, f32
// 3-7% slower). Built without transparent huge pages: see Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(silica::cli::main());
}
