//! Swedish locale-specific parsers.

pub mod casual_date;
pub mod month_name;
pub mod time_unit_relative;
pub mod weekday;

pub use casual_date::SVCasualDateParser;
pub use month_name::SVMonthNameParser;
pub use time_unit_relative::SVTimeUnitRelativeParser;
pub use weekday::SVWeekdayParser;
