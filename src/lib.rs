pub mod decode;
pub mod edit;
pub mod error;
pub mod markup;
pub mod normalize;
pub mod segment;
pub mod span;
pub mod text;
