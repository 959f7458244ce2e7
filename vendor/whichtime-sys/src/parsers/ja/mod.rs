//! Japanese locale-specific parsers

mod casual_date;
mod casual_time;
mod slash_date;
mod standard_date;
mod time_expression;
mod weekday;

pub use casual_date::JACasualDateParser;
pub use casual_time::JACasualTimeParser;
pub use slash_date::JASlashDateParser;
pub use standard_date::JAStandardDateParser;
pub use time_expression::JATimeExpressionParser;
pub use weekday::JAWeekdayParser;
