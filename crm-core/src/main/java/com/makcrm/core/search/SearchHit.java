package com.makcrm.core.search;

import java.util.UUID;

/** One search result: which record, what to show for it, and how well it matched (higher is better). */
public record SearchHit(String object, UUID id, String title, String subtitle, double score) {}
