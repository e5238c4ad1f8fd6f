package org.roadmapledger.query.pages;

/** The link of the language switch: the same page in the other language (public: the templates read it). */
public record LanguageLink(String code, String label, String href) {
}
