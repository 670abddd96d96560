//! Renders an [`blma_assessment::Assessment`] for people: terminal text, Markdown and HTML.
