#include "tests/support/TemporaryTlsDir.h"

#include "server/gateway/DevelopmentTls.h"
#include "proto/transport/Defaults.h"

namespace sitroom::testing {

TemporaryTlsDir::TemporaryTlsDir()
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    m_valid = gateway::ensureDevelopmentTls(m_dir.path(), &m_error);
}

QString TemporaryTlsDir::caPath() const
{
    return m_dir.filePath(QLatin1String(transport::kCaFileName));
}

QString TemporaryTlsDir::serverCertPath() const
{
    return m_dir.filePath(QLatin1String(transport::kServerCertFileName));
}

QString TemporaryTlsDir::serverKeyPath() const
{
    return m_dir.filePath(QLatin1String(transport::kServerKeyFileName));
}

} // namespace sitroom::testing
