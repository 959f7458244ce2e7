use anyhow::{bail, Result};
use candle_core::Device;
use std::str::FromStr;

/// `--device cpu|cuda|metal|auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceChoice {
    #[default]
    Auto,
    Cpu,
    Cuda,
    Metal,
}

impl FromStr for DeviceChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(Self::Auto),
            "cpu" => Ok(Self::Cpu),
            "cuda" => Ok(Self::Cuda),
            "metal" => Ok(Self::Metal),
            other => Err(format!(
                "unknown device {other:?} (cpu, cuda, metal or auto)"
            )),
        }
    }
}

impl DeviceChoice {
    /// The candle device. Asking for a backend this build lacks is an error that says how
    /// to get it; `auto` takes a GPU when the build has one and the machine too, else the CPU.
    pub fn open(self) -> Result<Device> {
        match self {
            Self::Cpu => Ok(Device::Cpu),
            Self::Cuda if !cfg!(feature = "cuda") => {
                bail!("this silica build has no CUDA support; rebuild with `cargo build --release --features cuda`")
            }
            Self::Metal if !cfg!(feature = "metal") => {
                bail!("this silica build has no Metal support; rebuild with `cargo build --release --features metal`")
            }
            Self::Cuda => Ok(Device::new_cuda(0)?),
            Self::Metal => Ok(Device::new_metal(0)?),
            Self::Auto => {
                if cfg!(feature = "cuda") {
                    if let Ok(device) = Device::new_cuda(0) {
                        return Ok(device);
                    }
                }
                if cfg!(feature = "metal") {
                    if let Ok(device) = Device::new_metal(0) {
                        return Ok(device);
                    }
                }
                Ok(Device::Cpu)
            }
        }
    }
}

/// A name for logs and outputs.
pub fn device_name(device: &Device) -> &'static str {
    match device {
        Device::Cpu => "cpu",
        Device::Cuda(_) => "cuda",
        Device::Metal(_) => "metal",
    }
}

/// The thread count to set when the user gave none: one per physical core, as candle and
/// rayon would pick, or `None` when `RAYON_NUM_THREADS`/`CANDLE_NUM_THREADS` already say.
///
/// Why set what candle would pick anyway: candle reads its thread count on every matmul,
/// and with neither variable set it counts the physical cores again each time, by parsing
/// `/proc/cpuinfo` (`num_cpus::get_physical`), a system call and a text parse some 80 times
/// per forward pass (e5-small), which a short text's latency felt (docs/serve.md).
pub fn default_cpu_threads() -> Option<usize> {
    let set =
        |name: &str| std::env::var(name).is_ok_and(|v| v.parse::<usize>().is_ok_and(|n| n > 0));
    if set("RAYON_NUM_THREADS") || set("CANDLE_NUM_THREADS") {
        return None;
    }
    Some(num_cpus::get_physical().max(1))
}

/// Sets the number of CPU threads for candle's kernels, its matmuls and the tokenizer.
///
/// candle sizes its thread pools from `RAYON_NUM_THREADS`/`CANDLE_NUM_THREADS` when they
/// are first used, so this must run before any model work, while the process is still
/// single-threaded (the CLI calls it first thing, before any command runs).
pub fn set_cpu_threads(threads: usize) -> Result<()> {
    if threads == 0 {
        bail!("the number of threads must be at least 1");
    }
    // Safety: called at start-up, before any other thread exists (see above).
    unsafe {
        std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
        std::env::set_var("CANDLE_NUM_THREADS", threads.to_string());
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| anyhow::anyhow!("setting {threads} threads: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_choices_and_reports_missing_backends() {
        assert_eq!("cpu".parse::<DeviceChoice>(), Ok(DeviceChoice::Cpu));
        assert!("tpu".parse::<DeviceChoice>().is_err());
        if !cfg!(feature = "cuda") {
            let err = DeviceChoice::Cuda.open().unwrap_err().to_string();
            assert!(err.contains("--features cuda"), "{err}");
        }
        assert!(matches!(DeviceChoice::Cpu.open().unwrap(), Device::Cpu));
    }
}
