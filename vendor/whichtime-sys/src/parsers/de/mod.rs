//! German locale-specific parsers

mod casual_date;
mod casual_time;
mod month_name;
mod time_expression;
mod time_unit_relative;
mod weekday;

pub use casual_date::DECasualDateParser;
pub use casual_time::DECasualTimeParser;
pub use month_name::DEMonthNameParser;
pub use time_expression::DETimeExpressionParser;
pub use time_unit_relative::DETimeUnitRelativeParser;
pub use weekday::DEWeekdayParser;
