pub mod edit;
pub mod span;
