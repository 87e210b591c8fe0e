/**
 * Identity documents that bind a number to the person or organization responsible for it, as the
 * laws of Russia and China require, and the protection of those documents at rest.
 *
 * <p>Document types are data ({@code compliance/documents-RU.json}, {@code documents-CN.json}),
 * read into a {@link io.vpbx.admin.domain.identity.DocumentCatalogue}. A
 * {@link io.vpbx.admin.domain.identity.DocumentValidator} normalises and checks a number against
 * its type, and the date it is checked on is always an argument, never a clock.
 *
 * <p>A document number is personal data. No message, exception or {@code toString} here contains
 * one: failures say what is wrong ("check digit does not match"), and numbers shown to people go
 * through {@link io.vpbx.admin.domain.identity.Masking#lastFour(String)}. At rest a number is
 * sealed by a {@link io.vpbx.admin.domain.identity.DocumentCipher} and counted across accounts by
 * its {@link io.vpbx.admin.domain.identity.DocumentFingerprint}.
 */
package io.vpbx.admin.domain.identity;
