//! TEMPORARY stand-in until the words branch is merged.
use rust_decimal::Decimal;
#[derive(Debug)]
pub struct AmountError(String);
impl std::fmt::Display for AmountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl AmountError {
    pub fn help(&self) -> String {
        String::new()
    }
}
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    text.replace('.', "").replace(',', ".").parse().map_err(|_| AmountError(format!("bad `{text}`")))
}
pub fn parse_toml_integer(raw: &str, _radix: u32) -> Result<Decimal, AmountError> {
    raw.replace('_', "").parse().map_err(|_| AmountError(format!("bad `{raw}`")))
}
pub fn format_vi(amount: &Decimal) -> String {
    amount.to_string()
}
pub fn format_en(amount: &Decimal) -> String {
    amount.to_string()
}
