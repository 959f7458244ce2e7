//! Portuguese locale-specific parsers.

pub mod casual_date;
pub mod casual_time;
pub mod month_name;
pub mod time_expression;
pub mod weekday;

pub use casual_date::PTCasualDateParser;
pub use casual_time::PTCasualTimeParser;
pub use month_name::PTMonthNameParser;
pub use time_expression::PTTimeExpressionParser;
pub use weekday::PTWeekdayParser;
