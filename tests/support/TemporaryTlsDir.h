#pragma once

#include <QString>
#include <QTemporaryDir>

namespace sitroom::testing {

// A throw-away directory holding a fresh development CA and server
// certificate, removed with the object.
class TemporaryTlsDir final
{
public:
    TemporaryTlsDir();

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString caPath() const;
    QString serverCertPath() const;
    QString serverKeyPath() const;

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace sitroom::testing
