//! The text parsers alone: money notation, number words (reading, and writing then reading
//! back), and the name folding that agency references are matched with.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::words::{Billion, Style, Thousand, ZeroTens};

fuzz_target!(|data: &[u8]| {
    // A number and a style from the first 17 bytes: `write` then `read` must give it back.
    if data.len() >= 17 {
        let mut raw = [0u8; 16];
        raw.copy_from_slice(&data[..16]);
        let n = u128::from_le_bytes(raw) % (plan::words::MAX + 1);
        let bits = data[16];
        let style = Style {
            thousand: if bits & 1 == 0 { Thousand::Nghin } else { Thousand::Ngan },
            zero_tens: if bits & 2 == 0 { ZeroTens::Linh } else { ZeroTens::Le },
            billion: if bits & 4 == 0 { Billion::Ty } else { Billion::Ti },
            final_one_mot: bits & 8 == 0,
            final_four_tu: bits & 16 != 0,
        };
        let words = plan::words::write(n, &style).expect("n is at most MAX");
        assert_eq!(plan::words::read(&words), Ok(n), "`{words}` does not read back as {n}");
        let amount = plan::words::write_amount(n, &style).expect("n is at most MAX");
        assert_eq!(plan::words::read(&amount), Ok(n), "`{amount}` does not read back as {n}");
    }
    // Any text: none of these may panic.
    let text = String::from_utf8_lossy(data);
    let _ = plan::money::parse_amount(&text);
    if let Ok(n) = plan::words::read(&text) {
        assert!(n <= plan::words::MAX, "`{text}` reads as {n}, more than MAX");
    }
    let _ = plan::model::fold_name(&text);
    // Any text: the tree built from the parser's events is the toml crate's, or declined.
    if let Err(why) = plan::parse::trees_agree(&text) {
        panic!("{text:?}: {why}");
    }
    // And lowered as the parser closes its tables, it is lowered as from the whole tree.
    if let Err(why) = plan::lower::streamed_agrees(&text) {
        panic!("{text:?}: {why}");
    }
});
