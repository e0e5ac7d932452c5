#include "workorderkeywords.h"

namespace machina::WorkOrderKeywords {

namespace {

struct StateKeyword
{
    WorkOrderState state;
    const char *keyword;
};

constexpr StateKeyword States[] = {
    {WorkOrderState::Open, "$WoOpen"},
    {WorkOrderState::Notified, "$WoNotified"},
    {WorkOrderState::Acknowledged, "$WoAcknowledged"},
    {WorkOrderState::InProgress, "$WoInProgress"},
    {WorkOrderState::Done, "$WoDone"},
    {WorkOrderState::Rejected, "$WoRejected"},
    {WorkOrderState::Cancelled, "$WoCancelled"},
};

constexpr const char *AssigneeBits[] = {"$WoA1", "$WoA2", "$WoA4"};
constexpr const char *NotifiedBits[] = {"$WoN1", "$WoN2", "$WoN4", "$WoN8"};

bool has(const QList<QByteArray> &flags, const char *keyword)
{
    for (const QByteArray &flag : flags) {
        if (flag.compare(keyword, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

template<size_t N>
int readBits(const QList<QByteArray> &flags, const char *const (&bits)[N])
{
    int value = 0;
    for (size_t i = 0; i < N; ++i) {
        if (has(flags, bits[i]))
            value |= 1 << i;
    }
    return value;
}

template<size_t N>
void writeBits(QList<QByteArray> *flags, int value, const char *const (&bits)[N])
{
    for (size_t i = 0; i < N; ++i) {
        if (value & (1 << i))
            flags->append(QByteArray(bits[i]));
    }
}

} // namespace

QList<QByteArray> all()
{
    QList<QByteArray> keywords{QByteArray(Marker)};
    for (const StateKeyword &s : States)
        keywords.append(QByteArray(s.keyword));
    for (const char *bit : AssigneeBits)
        keywords.append(QByteArray(bit));
    for (const char *bit : NotifiedBits)
        keywords.append(QByteArray(bit));
    return keywords;
}

QList<QByteArray> encode(const WorkOrder &order)
{
    QList<QByteArray> flags{QByteArray(Marker)};
    for (const StateKeyword &s : States) {
        if (s.state == order.state)
            flags.append(QByteArray(s.keyword));
    }
    writeBits(&flags, order.assignee, AssigneeBits);
    writeBits(&flags, order.notified, NotifiedBits);
    return flags;
}

QList<QByteArray> replaced(const QList<QByteArray> &current, const WorkOrder &order)
{
    const QList<QByteArray> ours = all();
    QList<QByteArray> flags;
    for (const QByteArray &flag : current) {
        if (flag == "\\Recent")   // RFC 3501: a client cannot set \Recent
            continue;
        if (!has(ours, flag.constData()))
            flags.append(flag);
    }
    flags.append(encode(order));
    return flags;
}

bool decode(const QList<QByteArray> &flags, WorkOrder *order)
{
    if (!has(flags, Marker))
        return false;
    int found = 0;
    for (const StateKeyword &s : States) {
        if (has(flags, s.keyword)) {
            order->state = s.state;
            ++found;
        }
    }
    if (found != 1)
        return false;
    order->assignee = readBits(flags, AssigneeBits);
    order->notified = readBits(flags, NotifiedBits);
    return true;
}

} // namespace machina::WorkOrderKeywords
