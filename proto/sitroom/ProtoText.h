#pragma once

#include <QString>

#include <string>

namespace sitroom {

// A protobuf string field (UTF-8 bytes in a std::string) as a QString: the
// one conversion every reader of the wire protocol makes, written once.
inline QString fromProto(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace sitroom
