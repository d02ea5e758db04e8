package com.makcrm.core.record;

/** What value normalization needs to know about the tenant: how to read phone numbers without a country code. */
record WriteContext(String phoneRegion) {}
