package com.makcrm.core.pipeline;

/** The validated, complete description of a stage. */
record StageSpec(String key, String name, int probability, boolean won, boolean lost) {}
