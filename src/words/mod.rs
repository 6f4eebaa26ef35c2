//! Vietnamese number words (being written).
