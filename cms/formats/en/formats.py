# British English: "19 December 2022", not Django's American "Dec. 19, 2022".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "P"
FIRST_DAY_OF_WEEK = 1  # Monday
