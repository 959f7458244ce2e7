//! The use cases, with typed requests and results: what the front ends (`cli`, `serve`)
//! call. No flags, no stdout: a front end maps its input to a request and prints the
//! result; the stages below (`index`, `embed`, `corpus`, ...) do the work.

pub mod bench;
pub mod corpus;
pub mod eval;
pub mod index;
pub mod model;
pub mod neighbors;
pub mod similarity;
pub mod themes;
pub mod units;
