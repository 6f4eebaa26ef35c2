//! The `json` format: one document with `"format": "plan-report/1"`, the report values as
//! they are (decimals as strings, dates as ISO dates), documented in docs/reports.md.

use std::io::{self, Write};

use super::Section;
use crate::report::Report;

pub const FORMAT: &str = "plan-report/1";

pub fn render_json(out: &mut dyn Write, report: &Report, sections: &[Section]) -> io::Result<()> {
    let left_out: Vec<&str> = Section::ALL.iter().filter(|s| !sections.contains(s)).map(|s| s.name()).collect();
    write_document(out, FORMAT, report, &left_out)
}

/// Writes `value` (a struct) as one JSON document that starts with `"format": FORMAT`,
/// without the keys of the sections left out. Straight to `out`, not through a
/// `serde_json::Value` of it: that tree of a report of 16,000 activities took 240 MB for a
/// 29 MB document.
pub fn write_document(
    out: &mut dyn Write,
    format: &str,
    value: &impl serde::Serialize,
    left_out: &[&str],
) -> io::Result<()> {
    let mut writer = io::BufWriter::new(&mut *out);
    let mut serializer = serde_json::Serializer::pretty(&mut writer);
    value.serialize(document::Document { inner: &mut serializer, format, left_out })?;
    writer.flush()?;
    drop(writer);
    writeln!(out)
}

/// A serializer for the top-level struct of a document: it writes it as a JSON object with
/// `format` first and without the keys left out, and refuses anything else.
mod document {
    use serde::Serialize;
    use serde::ser::{Impossible, SerializeMap, SerializeStruct, Serializer};

    pub struct Document<'a, S> {
        pub inner: S,
        pub format: &'a str,
        pub left_out: &'a [&'a str],
    }

    pub struct Fields<'a, M> {
        map: M,
        left_out: &'a [&'a str],
    }

    impl<M: SerializeMap> SerializeStruct for Fields<'_, M> {
        type Ok = M::Ok;
        type Error = M::Error;

        fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), M::Error> {
            if self.left_out.contains(&key) {
                return Ok(());
            }
            self.map.serialize_entry(key, value)
        }

        fn end(self) -> Result<M::Ok, M::Error> {
            self.map.end()
        }
    }

    /// What is not a struct cannot be a document.
    fn not_a_struct<E: serde::ser::Error>() -> E {
        E::custom("a document is a struct")
    }

    impl<'a, S: Serializer> Serializer for Document<'a, S> {
        type Ok = S::Ok;
        type Error = S::Error;
        type SerializeSeq = Impossible<S::Ok, S::Error>;
        type SerializeTuple = Impossible<S::Ok, S::Error>;
        type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
        type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
        type SerializeMap = Impossible<S::Ok, S::Error>;
        type SerializeStruct = Fields<'a, S::SerializeMap>;
        type SerializeStructVariant = Impossible<S::Ok, S::Error>;

        fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, S::Error> {
            let mut map = self.inner.serialize_map(None)?;
            map.serialize_entry("format", self.format)?;
            Ok(Fields { map, left_out: self.left_out })
        }

        fn serialize_bool(self, _: bool) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_i8(self, _: i8) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_i16(self, _: i16) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_i32(self, _: i32) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_i64(self, _: i64) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_u8(self, _: u8) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_u16(self, _: u16) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_u32(self, _: u32) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_u64(self, _: u64) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_f32(self, _: f32) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_f64(self, _: f64) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_char(self, _: char) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_str(self, _: &str) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_bytes(self, _: &[u8]) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_none(self) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_unit(self) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
            Err(not_a_struct())
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, S::Error> {
            Err(not_a_struct())
        }
    }
}
