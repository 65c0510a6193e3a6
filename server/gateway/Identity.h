#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>

namespace sitroom::gateway {

// Who sent a command, as the gateway established at sign-in.
struct Identity
{
    QString user;
    sitroom::v1::Role role = sitroom::v1::ROLE_VIEWER;
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;
};

} // namespace sitroom::gateway
