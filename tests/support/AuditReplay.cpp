#include "tests/support/AuditReplay.h"

#include "server/gateway/ControlDiff.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/SiteKey.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace sitroom::testing {

namespace v1 = sitroom::v1;

namespace {

const v1::Phrase &part(const v1::Phrase &phrase, const char *name)
{
    static const v1::Phrase none;
    for (const v1::PhrasePart &p : phrase.parts())
        if (p.name() == name)
            return p.phrase();
    return none;
}

// The command a row's action names, past a stale override's wrapping.
const v1::Phrase &actionOf(const v1::AuditEntry &row)
{
    const v1::Phrase &action = row.action_words();
    return action.code() == "command.stale_override" ? part(action, "command") : action;
}

bool isAlertCommand(const std::string &code)
{
    return code == "command.acknowledge_alert" || code == "command.shelve_alert" || code == "command.unshelve_alert";
}

QString rowName(const v1::AuditEntry &row)
{
    return QStringLiteral("audit row %1 (%2, command %3)")
        .arg(row.id())
        .arg(QString::fromStdString(row.action()), QString::fromStdString(row.command_id()));
}

} // namespace

AuditReplay::AuditReplay(v1::ControlState start)
    : m_state(std::move(start))
{
}

bool AuditReplay::isCommandDecision(const v1::AuditEntry &row)
{
    return row.outcome_words().code() == "outcome" && actionOf(row).code().rfind("command.", 0) == 0;
}

std::string AuditReplay::statusOf(const v1::AuditEntry &row)
{
    return part(row.outcome_words(), "status").code();
}

QString AuditReplay::argOf(const v1::Phrase &phrase, const char *name)
{
    for (const v1::PhraseArg &a : phrase.args())
        if (a.name() == name)
            return QString::fromStdString(a.value());
    return {};
}

AuditReplay::RowKind AuditReplay::kindOf(const v1::AuditEntry &row)
{
    const v1::Phrase &outcome = row.outcome_words();
    const std::string &action = actionOf(row).code();
    if (outcome.code() == "delivery.restored")
        return RowKind::Change;
    if (outcome.code() == "status.applied" && action == "action.follow_revision")
        return RowKind::FollowRevision;
    if (outcome.code() != "outcome")
        return RowKind::NoChange;
    const std::string &status = part(outcome, "status").code();
    if (status == "status.expired")
        return action == "action.expire_request" || action == "action.expire_handover" ? RowKind::Change : RowKind::NoChange;
    if (status != "status.applied" || part(outcome, "detail").code() == "approval.by" || isAlertCommand(action)
        || action.rfind("command.", 0) != 0)
        return RowKind::NoChange;
    return RowKind::Change;
}

bool AuditReplay::apply(const v1::AuditEntry &row, QString *why)
{
    switch (kindOf(row)) {
    case RowKind::NoChange:
        return true;
    case RowKind::FollowRevision: {
        const QJsonObject after = QJsonDocument::fromJson(QByteArray::fromStdString(row.after())).object();
        const qint64 revision = after.value(QStringLiteral("revision")).toInteger(-1);
        if (revision <= qint64(m_state.revision())) {
            *why = QStringLiteral("%1 follows the live system to revision %2 from %3").arg(rowName(row)).arg(revision).arg(m_state.revision());
            return false;
        }
        m_state.set_revision(std::uint64_t(revision));
        ++m_changes;
        return true;
    }
    case RowKind::Change:
        break;
    }
    const v1::ControlState before = m_state;
    if (!set(QString::fromStdString(row.after()), why)) {
        *why = QStringLiteral("%1: %2").arg(rowName(row), *why);
        return false;
    }
    m_state.set_revision(before.revision() + 1);
    ++m_changes;
    const auto [wasSaid, isSaid] = gateway::controlDiff(before, m_state);
    if (wasSaid != QString::fromStdString(row.before()) || isSaid != QString::fromStdString(row.after())) {
        *why = QStringLiteral("%1 holds before %2 after %3, but the replayed states differ by before %4 after %5")
                   .arg(rowName(row), QString::fromStdString(row.before()), QString::fromStdString(row.after()), wasSaid,
                        isSaid);
        return false;
    }
    return true;
}

bool AuditReplay::set(const QString &after, QString *why)
{
    if (after.isEmpty())
        return true;
    const QJsonObject values = QJsonDocument::fromJson(after.toUtf8()).object();
    if (values.isEmpty()) {
        *why = QStringLiteral("its after column is not a JSON object: %1").arg(after);
        return false;
    }
    static const QString providerKey = QStringLiteral("provider.");
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString &key = it.key();
        if (key == QStringLiteral("admission_rate_per_s")) {
            m_state.set_admission_rate_per_s(it.value().toDouble());
        } else if (key == QStringLiteral("admission_paused")) {
            m_state.set_admission_paused(it.value().toBool());
        } else if (key.startsWith(providerKey)) {
            const std::string id = key.mid(providerKey.size()).toStdString();
            v1::ProviderControl *p = gateway::findProvider(m_state, id);
            if (!p) {
                p = m_state.add_providers();
                p->set_id(id);
            }
            const QJsonObject provider = it.value().toObject();
            p->set_enabled(provider.value(QStringLiteral("enabled")).toBool());
            p->set_disabled_until_ms(qint64(provider.value(QStringLiteral("disabled_until_ms")).toDouble(0)));
        } else if (key == QStringLiteral("pending")) {
            // How many wait is all the audit says of them.
            const int n = it.value().toInt();
            while (m_state.pending_size() > n)
                m_state.mutable_pending()->RemoveLast();
            while (m_state.pending_size() < n)
                m_state.add_pending()->set_request_id("replayed");
        } else if (key == QStringLiteral("command_site")) {
            const auto site = siteFromKey(it.value().toString());
            if (!site) {
                *why = QStringLiteral("an unknown room in command: %1").arg(it.value().toString());
                return false;
            }
            m_state.set_command_site(*site);
        } else if (key == QStringLiteral("handover_to")) {
            const QString to = it.value().toString();
            if (to.isEmpty()) {
                m_state.clear_handover();
            } else {
                // Which request it was the audit says elsewhere: a new one each time.
                m_state.mutable_handover()->set_request_id(QStringLiteral("replayed-%1").arg(m_changes).toStdString());
                m_state.mutable_handover()->set_from_site(commandSiteOf(m_state));
                m_state.mutable_handover()->set_to_site(siteFromKey(to).value_or(v1::SITE_UNSPECIFIED));
            }
        } else {
            *why = QStringLiteral("a value the replay does not know: %1").arg(key);
            return false;
        }
    }
    return true;
}

QString AuditReplay::difference(const v1::ControlState &replayed, const v1::ControlState &stored)
{
    const auto differ = [](const QString &what, const QString &a, const QString &b) {
        return QStringLiteral("%1 is %2 by the replay, %3 stored").arg(what, a, b);
    };
    if (replayed.revision() != stored.revision())
        return differ(QStringLiteral("the revision"), QString::number(replayed.revision()), QString::number(stored.revision()));
    if (replayed.admission_rate_per_s() != stored.admission_rate_per_s())
        return differ(QStringLiteral("the admission rate"), QString::number(replayed.admission_rate_per_s()),
                      QString::number(stored.admission_rate_per_s()));
    if (replayed.admission_paused() != stored.admission_paused())
        return differ(QStringLiteral("the pause"), QString::number(replayed.admission_paused()),
                      QString::number(stored.admission_paused()));
    if (commandSiteOf(replayed) != commandSiteOf(stored))
        return differ(QStringLiteral("the room in command"), siteKey(commandSiteOf(replayed)), siteKey(commandSiteOf(stored)));
    if (replayed.pending_size() != stored.pending_size())
        return differ(QStringLiteral("the number of pending requests"), QString::number(replayed.pending_size()),
                      QString::number(stored.pending_size()));
    for (const v1::ProviderControl &s : stored.providers()) {
        const v1::ProviderControl *r = gateway::findProvider(replayed, s.id());
        const QString name = QStringLiteral("provider %1").arg(QString::fromStdString(s.id()));
        if (!r)
            return QStringLiteral("%1 is missing from the replay").arg(name);
        if (r->enabled() != s.enabled())
            return differ(name + QStringLiteral(" enabled"), QString::number(r->enabled()), QString::number(s.enabled()));
        if (r->disabled_until_ms() != s.disabled_until_ms())
            return differ(name + QStringLiteral(" disabled until"), QString::number(r->disabled_until_ms()),
                          QString::number(s.disabled_until_ms()));
    }
    return {};
}

} // namespace sitroom::testing
