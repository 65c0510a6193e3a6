#pragma once

#include <QString>

namespace sitroom::gateway {

// Password hashes as in docs/controls.md:
// pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64>, PBKDF2-HMAC-SHA256
// with a 16-byte random salt and a 32-byte key.
namespace PasswordHash {

constexpr int kDefaultIterations = 310000;
constexpr int kMinimumIterations = 1000;

// A fresh hash of password with a random salt.
QString hash(const QString &password, int iterations = kDefaultIterations);
// True when encoded is well formed and password matches it; the keys are
// compared in constant time.
bool verify(const QString &password, const QString &encoded);
// False with a plain-language reason when encoded is not a hash this code can check.
bool isWellFormed(const QString &encoded, QString *error = nullptr);

} // namespace PasswordHash
} // namespace sitroom::gateway
