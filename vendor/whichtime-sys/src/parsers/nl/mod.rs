//! Dutch locale-specific parsers.

pub mod casual_date;
pub mod casual_time;
pub mod month_name;
pub mod weekday;

pub use casual_date::NLCasualDateParser;
pub use casual_time::NLCasualTimeParser;
pub use month_name::NLMonthNameParser;
pub use weekday::NLWeekdayParser;
