//! Italian locale-specific parsers

mod casual_date;
mod month_name;
mod year_month_day;

pub use casual_date::ITCasualDateParser;
pub use month_name::ITMonthNameParser;
pub use year_month_day::ITYearMonthDayParser;
