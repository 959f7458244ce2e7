//! The service's Prometheus metrics (`GET /metrics`, OpenMetrics text, which Prometheus
//! scrapes): requests by route and status, latency by route, queue depth, texts per round,
//! time per round, tokens embedded and the last round's tokens per second.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

type Latency = Family<RouteLabels, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Latency,
    pub queue_depth: Gauge,
    round_texts: Histogram,
    round_seconds: Histogram,
    tokens: Counter,
    tokens_per_second: Gauge<f64, AtomicU64>,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 33 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 16))
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("silica");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        let latency: Latency = Family::new_with_constructor(latency_histogram);
        registry.register(
            "request_duration_seconds",
            "Time from request to response, by route",
            latency.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "queue_depth",
            "Requests waiting for the model",
            queue_depth.clone(),
        );
        let round_texts = Histogram::new(exponential_buckets(1.0, 2.0, 10));
        registry.register(
            "batch_texts",
            "Texts embedded together in one round of the model",
            round_texts.clone(),
        );
        // 1 ms to about 4 s: a round's sum over the run is the model's busy time, which
        // beside the wall time says how much of it the HTTP side leaves the model idle.
        let round_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 13));
        registry.register(
            "batch_duration_seconds",
            "Time the model took for one round",
            round_seconds.clone(),
        );
        let tokens = Counter::default();
        registry.register(
            "tokens",
            "Tokens the model has read, special tokens included",
            tokens.clone(),
        );
        let tokens_per_second = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "tokens_per_second",
            "Tokens per second of the last round of the model",
            tokens_per_second.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            queue_depth,
            round_texts,
            round_seconds,
            tokens,
            tokens_per_second,
        }
    }

    /// One round of the model: how many texts, how many tokens, how long.
    pub fn record_round(&self, texts: usize, tokens: usize, seconds: f64) {
        self.round_texts.observe(texts as f64);
        self.round_seconds.observe(seconds);
        self.tokens.inc_by(tokens as u64);
        if seconds > 0.0 {
            self.tokens_per_second.set(tokens as f64 / seconds);
        }
    }

    pub fn record_request(&self, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                route: route.to_string(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(seconds);
    }

    /// The OpenMetrics text of every metric.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}
