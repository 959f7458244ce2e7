//! Chinese locale parsers (中文)
//! Supports both Simplified (Hans) and Traditional (Hant) Chinese

pub mod casual_date;
pub mod standard_date;
pub mod time_expression;
pub mod time_unit_within;
pub mod weekday;

pub use casual_date::ZHCasualDateParser;
pub use standard_date::ZHStandardDateParser;
pub use time_expression::ZHTimeExpressionParser;
pub use time_unit_within::ZHTimeUnitWithinParser;
pub use weekday::ZHWeekdayParser;
