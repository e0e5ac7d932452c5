#include "sendreply.h"

namespace machina {

SendReply::SendReply(QObject *parent) : ConnectorReply(parent) {}

} // namespace machina
