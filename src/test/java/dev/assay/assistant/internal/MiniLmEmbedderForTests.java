package dev.assay.assistant.internal;

/** The production embedder, for tests outside a Spring context. */
public class MiniLmEmbedderForTests extends MiniLmEmbedder {
}
