/**
 * Envelope encryption of tenant secrets (card keys, payment channel secrets).
 *
 * <p>Each tenant has a random 256-bit data key, stored only wrapped (AES-GCM) by the platform's
 * master key, which comes from configuration and never touches the database. Secrets are sealed
 * with AES-256-GCM under the data key with a fresh 96-bit nonce each and the tenant id as
 * associated data, so a ciphertext copied into another tenant's rows does not decrypt. Card keys
 * are deduplicated by an HMAC under a key derived from the data key: equal keys are recognised
 * without storing anything a dictionary attack could reverse.
 */
package org.kameng.kernel.crypto;
