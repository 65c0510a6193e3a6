#pragma once

#include "server/source/SiteConfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

// The shipped site configuration for the simulator, as JSON to edit or parsed.
inline QJsonObject shippedSiteJson()
{
    QFile file(QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the shipped site configuration");
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline sitroom::source::SiteConfig siteFrom(const QJsonObject &json)
{
    QString error;
    auto site = sitroom::source::parseSiteConfig(QJsonDocument(json).toJson(), QStringLiteral("test.json"), &error);
    if (!site)
        qFatal("%s", qPrintable(error));
    return *site;
}
