#include "feedbacklabel.h"

#include <QLabel>

namespace machina::FeedbackLabel {

namespace {

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

QLabel *make(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTextColor(label, ErrorColor);
    label->hide();
    return label;
}

void show(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void showSendStatus(QLabel *label, bool sending, const QString &error, const QString &notSent)
{
    if (sending) {
        setTextColor(label, label->parentWidget() ? label->parentWidget()->palette().color(QPalette::WindowText)
                                                  : label->palette().color(QPalette::WindowText));
        show(label, QLabel::tr("Sending..."));
    } else if (!error.isEmpty()) {
        setTextColor(label, ErrorColor);
        show(label, notSent.arg(error) + QLatin1Char('\n')
                        + QLabel::tr("The draft is kept: correct the problem and press Send again."));
    } else {
        show(label, QString());
    }
}

} // namespace machina::FeedbackLabel
