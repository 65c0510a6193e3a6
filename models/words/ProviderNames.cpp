#include "models/words/ProviderNames.h"

#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

namespace sitroom::models {

QString providerName(const sitroom::v1::Configuration &configuration, const QString &id)
{
    const std::string key = id.toStdString();
    for (const auto &p : configuration.providers()) {
        if (p.id() == key) {
            const QString name = localText(p.name());
            return name.isEmpty() ? id : name;
        }
    }
    return id;
}

ProviderNamer providerNamer(const SituationStore &store)
{
    return [&store](const QString &id) { return providerName(store.configuration(), id); };
}

} // namespace sitroom::models
