pub mod edit;
pub mod span;
pub mod dates;
pub mod figures;
pub mod labels;
