//! resolu: explore a local corpus of United Nations resolutions.

pub mod app;
pub mod cache;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod fsread;
pub mod index;
pub mod plural;
pub mod remember;
pub mod text;
pub mod tui;
pub mod ui;
pub mod votes;
pub mod worker;
