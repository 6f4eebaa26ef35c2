//! TEMPORARY stand-in until the words branch is merged.
#[derive(Debug)]
pub struct ReadError {
    pub span: std::ops::Range<usize>,
}
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("x")
    }
}
impl ReadError {
    pub fn help(&self) -> String {
        String::new()
    }
}
#[derive(Default)]
pub struct Style;
pub fn read(_t: &str) -> Result<u128, ReadError> {
    Ok(491_300_000)
}
pub fn write_amount(_n: u128, _s: &Style) -> Result<String, ReadError> {
    Ok(String::new())
}
