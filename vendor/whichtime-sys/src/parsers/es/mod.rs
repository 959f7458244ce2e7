//! Spanish locale-specific parsers

mod casual_date;
mod casual_time;
mod month_name;
mod time_expression;

pub use casual_date::ESCasualDateParser;
pub use casual_time::ESCasualTimeParser;
pub use month_name::ESMonthNameParser;
pub use time_expression::ESTimeExpressionParser;
