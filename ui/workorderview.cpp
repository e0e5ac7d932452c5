#include "workorderview.h"

#include "actionicon.h"

#include "trayhealth.h"
#include "workordermodel.h"
#include "workordertimelinemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace machina {

namespace {

bool askWithMessageBox(QWidget *parent, const QString &title, const QString &question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab leaves the table
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
}

} // namespace

WorkOrderView::WorkOrderView(QWidget *parent)
    : QWidget(parent),
      m_model(new WorkOrderModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_timelineModel(new WorkOrderTimelineModel(this)),
      m_timeline(new QTableView(this)),
      m_summary(new QLabel(this)),
      m_timelineLabel(new QLabel(tr("T&imeline:"), this)),
      m_cancelAction(new QAction(actionIcon(QStringLiteral("process-stop")), tr("&Cancel work order..."), this)),
      m_cancelButton(new QToolButton(this)),
      m_confirm(askWithMessageBox)
{
    setObjectName(QStringLiteral("workOrderView"));

    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WorkOrderModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("workOrderTable"));
    m_table->setAccessibleName(tr("Work orders"));
    m_table->setAccessibleDescription(tr("Every work order, newest first, with its state, assignee and the time to acknowledge"));
    setUpTable(m_table);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the tracker's order until a header is clicked
    m_table->horizontalHeader()->setSectionResizeMode(WorkOrderModel::SummaryColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(WorkOrderModel::IdColumn, 120);
    m_table->setColumnWidth(WorkOrderModel::StateColumn, 120);
    m_table->setColumnWidth(WorkOrderModel::AssetColumn, 80);
    m_table->setColumnWidth(WorkOrderModel::AssigneeColumn, 140);
    m_table->setColumnWidth(WorkOrderModel::PriorityColumn, 70);
    m_table->setColumnWidth(WorkOrderModel::AgeColumn, 70);
    m_table->setColumnWidth(WorkOrderModel::AckColumn, 130);
    m_summary->setBuddy(m_table);

    m_timeline->setModel(m_timelineModel);
    m_timeline->setObjectName(QStringLiteral("workOrderTimeline"));
    m_timeline->setAccessibleName(tr("Timeline of the selected work order"));
    setUpTable(m_timeline);
    m_timeline->horizontalHeader()->setSectionResizeMode(WorkOrderTimelineModel::CommentColumn, QHeaderView::Stretch);
    m_timeline->setColumnWidth(WorkOrderTimelineModel::TimeColumn, 160);
    m_timeline->setColumnWidth(WorkOrderTimelineModel::ActionColumn, 240);
    m_timeline->setColumnWidth(WorkOrderTimelineModel::ActorColumn, 200);
    m_timelineLabel->setBuddy(m_timeline);
    m_timelineLabel->setTextFormat(Qt::PlainText);

    // The shortcut works anywhere in the view, not in the rest of the window.
    const QKeySequence cancelKey(QKeySequence::Delete);
    m_cancelAction->setShortcut(cancelKey);
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setToolTip(tr("Call the selected work order off (%1)").arg(cancelKey.toString(QKeySequence::NativeText)));
    addAction(m_cancelAction);
    connect(m_cancelAction, &QAction::triggered, this, &WorkOrderView::cancelSelected);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->setFocusPolicy(Qt::StrongFocus);
    m_cancelButton->setAccessibleName(tr("Cancel work order"));

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_cancelAction);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_summary);
    topLayout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    topLayout->addLayout(buttons);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_timelineLabel);
    bottomLayout->addWidget(m_timeline, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("workOrderSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    setTabOrder(m_table, m_cancelButton);
    setTabOrder(m_cancelButton, m_timeline);
    setFocusProxy(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateTimeline();
        updateActions();
    });
    // The rows change in place when the tracker moves on: the timeline, the actions and the count follow.
    const auto follow = [this] {
        updateTimeline();
        updateActions();
        updateSummary();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, follow);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, follow);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, follow);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, follow);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [follow](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
                    follow();
            });

    m_tick.setInterval(15 * 1000);
    connect(&m_tick, &QTimer::timeout, m_model, &WorkOrderModel::tick);
    m_tick.start();

    updateTimeline();
    updateActions();
    updateSummary();
}

WorkOrderView::~WorkOrderView() = default;

void WorkOrderView::setOrders(const QList<WorkOrder> &orders)
{
    m_model->setOrders(orders);
}

void WorkOrderView::setAvailable(bool available, const QString &why)
{
    m_available = available;
    m_unavailableWhy = why;
    if (!available)
        m_model->setOrders({});
    m_table->setEnabled(available);
    m_timeline->setEnabled(available);
    updateActions();
    updateSummary();
}

void WorkOrderView::setConfirmation(Confirmation confirm)
{
    m_confirm = confirm ? std::move(confirm) : Confirmation(askWithMessageBox);
}

QString WorkOrderView::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(WorkOrderModel::IdRole).toString() : QString();
}

bool WorkOrderView::selectOrder(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void WorkOrderView::updateTimeline()
{
    const QString id = currentId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row < 0) {
        m_timelineModel->clear();
        m_timelineLabel->setText(tr("T&imeline: select a work order"));
        return;
    }
    m_timelineModel->setOrder(m_model->orderAt(row));
    m_timelineLabel->setText(tr("T&imeline of %1").arg(id));
}

void WorkOrderView::updateActions()
{
    const QString id = currentId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    m_cancelAction->setEnabled(m_available && row >= 0 && m_model->orderAt(row).isOpen());
}

void WorkOrderView::updateSummary()
{
    if (!m_available) {
        m_summary->setText(m_unavailableWhy.isEmpty() ? tr("No work orders for this account.") : m_unavailableWhy);
        return;
    }
    const int waiting = m_model->unacknowledgedCount();
    m_summary->setText(waiting > 0 ? TrayHealth::unacknowledgedText(waiting)
                                   : tr("No work order is waiting for an acknowledgement."));
}

void WorkOrderView::cancelSelected()
{
    const QString id = currentId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (!m_available || row < 0 || !m_model->orderAt(row).isOpen())
        return;
    const WorkOrder &order = m_model->orderAt(row);
    const QString what = QStringLiteral("%1 %2").arg(order.asset, order.summary).trimmed();
    const QString question = tr("Cancel %1 (%2)? No mail goes out: if a technician is already on the way, "
                                "tell them yourself.").arg(id, what);
    if (!m_confirm(this, tr("Cancel work order"), question))
        return;
    Q_EMIT cancelRequested(id);
}

} // namespace machina
