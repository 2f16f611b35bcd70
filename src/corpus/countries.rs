//! Placeholder: the country table (filled in next).
