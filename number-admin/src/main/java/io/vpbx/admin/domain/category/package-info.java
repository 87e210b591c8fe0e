/**
 * The beauty category of a number, decided by versioned rules kept as data
 * ({@code catalog/categories-RU.json}, {@code catalog/categories-CN.json}).
 *
 * <p>A rule names a {@link io.vpbx.admin.domain.category.PatternKind} with params, either grants a
 * {@link io.vpbx.admin.domain.category.NumberCategory} or lowers the result by some steps, and
 * carries a reason sentence. Rules of one group form a ladder from best to worst: only the first
 * matching rule of a group counts. The result is the best grant, lowered by the summed penalties,
 * never below REGULAR; a number matching nothing is REGULAR with no reasons.
 *
 * <p>Tiers of RU-2026.1 (last 7 digits): 7 identical at the end DIAMOND; 6 identical at the end or
 * AAAA-BBB PLATINUM; 5 identical at the end, AAA-BBBB, 6 identical anywhere, AABBCC at the end,
 * ascending/descending run of 7 GOLD; trailing 0000, 4 identical at the end, 5 identical anywhere,
 * ABCABC or ABABAB at the end, mirror of 7, ascending/descending run of 5 anywhere SILVER; trailing
 * 000, 3 identical at the end, 4 identical anywhere, AABB or ABAB at the end, ascending/descending
 * run of 4 at the end BRONZE.
 *
 * <p>Tiers of CN-2026.1 (last 8 digits): 7-8 identical at the end, 888888 anywhere DIAMOND; 6
 * identical at the end, AAAA-BBBB, AAAA-BBB, 88888 or 66666 PLATINUM; 5 identical at the end,
 * 8888, 6666, ascending run of 6, AABBCC, ABCDABCD GOLD; 4 identical at the end, 5 identical
 * anywhere, ascending run of 5, AABB, ABCABC, ABABAB, mirror of 8 SILVER; three or more 8s,
 * ascending run of 4 at the end, descending run of 5, ABAB BRONZE. Penalties: 444 anywhere lowers
 * two steps, otherwise a 4 among the last 4 digits lowers one.
 */
package io.vpbx.admin.domain.category;
