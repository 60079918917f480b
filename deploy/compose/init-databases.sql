-- One database per service, as on the laptop and in Kubernetes (CloudNativePG clusters there).
create database account;
create database reminder;
create database contact;
create database complaint;
create database agency;
