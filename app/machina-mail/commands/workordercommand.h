#pragma once

#include <QCoreApplication>

class QCommandLineParser;

namespace machina::cli {

class CliContext;

/**
 * `workorder create --to ADDR|NAME [--escalate-to ADDR|NAME ...] [--ack-within DURATION]
 * [--asset A] [--summary S] [--priority low|normal|high|critical] [--from-message ID]
 * [--attach FILE] [--queue]`: claims an id on the server, records the order
 * there, and sends the notification through the outbox. Prints the id on its
 * first line; returns once the server accepted the notification (the exit codes
 * of send), or with --queue once it is queued.
 */
class WorkOrderCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::WorkOrderCommand)

public:
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

/** `workorders [--json] [--open]`: the work orders as the server has them (the local mirror brought up to date). */
class WorkOrdersCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::WorkOrdersCommand)

public:
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

/**
 * `dispatch`: runs the tracker without a window until SIGTERM or SIGINT:
 * watches the INBOX (IDLE) and applies replies, escalates at the deadlines,
 * picks up work orders other processes create, and drains the outbox.
 */
class DispatchCommand
{
    Q_DECLARE_TR_FUNCTIONS(machina::cli::DispatchCommand)

public:
    static void addOptions(QCommandLineParser &parser);
    static int run(CliContext &context);
};

} // namespace machina::cli
