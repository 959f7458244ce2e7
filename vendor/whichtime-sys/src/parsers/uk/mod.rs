//! Ukrainian locale-specific parsers.

pub mod casual_date;
pub mod month_name;
pub mod weekday;

pub use casual_date::UKCasualDateParser;
pub use month_name::UKMonthNameParser;
pub use weekday::UKWeekdayParser;
