//! Common/generic parsers that work across locales

mod casual_date;
mod casual_time;
mod month_name;
mod time_unit_ago;
mod time_unit_within;
mod weekday;

pub use casual_date::MultiLocaleCasualDateParser;
pub use casual_time::MultiLocaleCasualTimeParser;
pub use month_name::MultiLocaleMonthNameParser;
pub use time_unit_ago::MultiLocaleTimeUnitAgoParser;
pub use time_unit_within::MultiLocaleTimeUnitWithinParser;
pub use weekday::MultiLocaleWeekdayParser;
