/**
 * The CRM query language: filters, sorting and keyset pagination over one object, compiled only to
 * parameterized PostgreSQL.
 *
 * <h2>Filter</h2>
 *
 * <pre>
 * filter    = node
 * node      = group | condition
 * group     = ("and" | "or") "(" node { "," node } ")"
 *           | "not" "(" node ")"
 * condition = path "[" operator "]" [ ":" argument ]
 * path      = name [ "." name [ "." name ] ]        own field, custom.x, relation.field, relation.custom.x
 * name      = letter-or-underscore { letter | digit | underscore }
 * argument  = value | "(" value { "," value } ")"   a list only for in / nin
 * value     = bare | quoted
 * bare      = one or more characters other than , ( ) " and whitespace
 * quoted    = '"' { any character but " and \ | '\"' | '\\' } '"'
 * </pre>
 *
 * <p>Examples: {@code and(stage[eq]:PROPOSAL,amount[gte]:100000)}, {@code or(name[contains]:acme,not(won[eq]:true))},
 * {@code stage[in]:(NEW,MEETING)}, {@code closeDate[isNull]}, {@code name[eq]:"Smith, John"},
 * {@code company.name[startsWith]:Ac}, {@code custom.tier[eq]:gold}. Whitespace between tokens is ignored.
 *
 * <p>Operators: {@code eq neq gt gte lt lte in nin contains startsWith isNull isNotNull}. {@code isNull} and
 * {@code isNotNull} take no value; {@code in} and {@code nin} take a list (or one value); the others one value.
 *
 * <table>
 *   <caption>Operators by field type</caption>
 *   <tr><th>type</th><th>operators</th><th>value</th></tr>
 *   <tr><td>TEXT, EMAIL, PHONE, URL</td><td>all</td><td>any text</td></tr>
 *   <tr><td>SELECT</td><td>eq neq in nin isNull isNotNull</td><td>one of the options, when known</td></tr>
 *   <tr><td>NUMBER</td><td>eq neq gt gte lt lte in nin isNull isNotNull</td><td>{@code 12.5}</td></tr>
 *   <tr><td>INTEGER, CURRENCY</td><td>same</td><td>whole number; CURRENCY in minor units</td></tr>
 *   <tr><td>DATE</td><td>same</td><td>{@code 2024-05-01}</td></tr>
 *   <tr><td>DATETIME</td><td>same</td><td>{@code 2024-05-01T10:00:00Z} (ISO 8601 with offset)</td></tr>
 *   <tr><td>BOOLEAN</td><td>eq neq isNull isNotNull</td><td>{@code true}, {@code false}</td></tr>
 *   <tr><td>UUID</td><td>eq neq in nin isNull isNotNull</td><td>canonical UUID</td></tr>
 *   <tr><td>MULTI_SELECT, TEXT_ARRAY</td><td>eq neq contains in nin isNull isNotNull</td><td>element</td></tr>
 * </table>
 *
 * <p>Semantics: {@code contains} and {@code startsWith} are case-insensitive substring/prefix matches
 * ({@code ILIKE}, with {@code %} and {@code _} in the value matched literally); {@code eq} on text is exact.
 * On arrays, {@code eq} and {@code contains} mean "has this element", {@code in} "has any of these",
 * {@code neq} / {@code nin} their negations, and {@code isNull} "null or empty". A null value matches only
 * {@code isNull}, {@code neq} and {@code nin}. {@code not(x)} matches exactly the rows {@code x} does not
 * match (rows where x is unknown because of a null included). A relation field is null when the related row
 * is missing or soft-deleted.
 *
 * <h2>Order</h2>
 *
 * <pre>
 * order   = key { "," key }                      at most 5 keys, each field once
 * key     = path [ "[" option { "," option } "]" ]
 * option  = "asc" | "desc" | "nullsFirst" | "nullsLast"   one direction, one nulls placement
 * </pre>
 *
 * <p>Examples: {@code amount[desc],name[asc]}, {@code closeDate[asc,nullsLast]}, {@code name}. The default
 * direction is ascending; the default nulls placement is PostgreSQL's (last when ascending, first when
 * descending), which plain btree indexes serve in both directions. Rows are always tie-broken by {@code id},
 * in the direction of the last key. Arrays cannot be sorted.
 *
 * <h2>Paging</h2>
 *
 * <p>{@code limit} 1..200, default 50. A page's {@code nextCursor} is opaque; pass it back unchanged with the
 * same order (a cursor made for another order is rejected). Paging never uses OFFSET: the query seeks to
 * the row after the cursor.
 *
 * <h2>Limits</h2>
 *
 * <p>Filter text 8000 characters, nesting 10 levels, 100 conditions, 200 values per list; order text 500
 * characters; cursor 4000 characters. Every violation, syntax error, unknown field or operator, operator not
 * allowed for a type, and value of the wrong type is a {@code CrmException} of category INVALID naming the
 * 1-based position and the offending text.
 */
package com.makcrm.core.query;
