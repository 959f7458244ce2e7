//! Russian locale-specific parsers.

pub mod casual_date;
pub mod casual_time;
pub mod month_name;
pub mod time_unit_relative;
pub mod weekday;

pub use casual_date::RUCasualDateParser;
pub use casual_time::RUCasualTimeParser;
pub use month_name::RUMonthNameParser;
pub use time_unit_relative::RUTimeUnitRelativeParser;
pub use weekday::RUWeekdayParser;
