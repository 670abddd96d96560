//! Prints every invariant the data files break: `cargo run -p blma-knowledge --example problems`.
fn main() {
    match blma_knowledge::KnowledgeBase::try_embedded() {
        Ok(_) => println!("the knowledge base is consistent"),
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
}
