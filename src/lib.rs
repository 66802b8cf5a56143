pub mod decode;
pub mod edit;
pub mod error;
pub mod span;
pub mod text;
